package switchboard.inbox.chat;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import switchboard.accounts.Member;
import switchboard.inbox.Inboxes;

/** The Chats page: one list for every channel. Conversations arrive with the SMS chats issue. */
@Controller
class ChatsController {

    private static final String CHATS_PAGE = "inbox/chats";

    private final Inboxes inboxes;

    ChatsController(Inboxes inboxes) {
        this.inboxes = inboxes;
    }

    @GetMapping("/chats")
    String chats(@AuthenticationPrincipal Member member, Model model) {
        model.addAttribute("inboxCount", inboxes.count(member.accountId()));
        return CHATS_PAGE;
    }
}
