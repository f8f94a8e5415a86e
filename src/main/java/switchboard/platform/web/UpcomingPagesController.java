package switchboard.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Pages of the shell whose features arrive in later issues. Each moves to its own module's
 * controller when that module lands (Channels, Campaigns: later issues).
 */
@Controller
class UpcomingPagesController {

    private static final String UPCOMING_PAGE = "platform/upcoming";

    @GetMapping("/channels")
    String channels(Model model) {
        return upcoming(model, "channels", "Channels",
                "Text-enable your landline or toll-free number, add a website chat widget, and connect Facebook Messenger.",
                "SMS, web chat and Messenger channels arrive in the next releases.");
    }

    @GetMapping("/campaigns")
    String campaigns(Model model) {
        return upcoming(model, "campaigns", "Campaigns",
                "Text thousands of tagged or segmented contacts at once, scheduled and throttled, with every reply a two-way chat.",
                "Campaigns arrive after SMS chats.");
    }

    private static String upcoming(Model model, String section, String heading, String summary, String coming) {
        model.addAttribute("section", section);
        model.addAttribute("heading", heading);
        model.addAttribute("summary", summary);
        model.addAttribute("coming", coming);
        return UPCOMING_PAGE;
    }
}
