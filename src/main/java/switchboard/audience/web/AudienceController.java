package switchboard.audience.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The Audience page opens on its Contacts tab. */
@Controller
class AudienceController {

    @GetMapping("/audience")
    String audience() {
        return "redirect:/audience/contacts";
    }
}
