package switchboard.audience.contact;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import switchboard.accounts.Member;
import switchboard.audience.filter.InvalidConditionException;
import switchboard.platform.web.FieldError;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Contacts tab's bulk actions. One form with a button per action; the ticked rows or "every
 * contact matching this filter" (the filter travels as the list's query string). Delete asks
 * first, stating how many contacts go; export continues on the export page to choose columns.
 */
@Controller
@RequestMapping("/audience/contacts/bulk")
class BulkActionsController {

    static final String CONFIRM_DELETE_PAGE = "audience/contacts/bulk-delete";

    private final BulkActions bulk;

    BulkActionsController(BulkActions bulk) {
        this.bulk = bulk;
    }

    @PostMapping
    String apply(@AuthenticationPrincipal Member member, @RequestParam(defaultValue = "") String action,
                 @RequestParam(required = false) List<Long> ids, @RequestParam(defaultValue = "false") boolean all,
                 @RequestParam(defaultValue = "") String query, @RequestParam(required = false) Long tagId,
                 @RequestParam(required = false) String newTag, @RequestParam(required = false) Long listId,
                 @RequestParam(required = false) String newList, @RequestParam(defaultValue = "false") boolean confirmed,
                 Model model, RedirectAttributes redirect) {
        ContactFilterForm filter = ContactFilterForm.parse(query);
        String back = "redirect:/audience/contacts" + (filter.query().isEmpty() ? "" : "?" + filter.query());
        try {
            BulkSelection selection = new BulkSelection(ids, all, filter.toFilter());
            if (selection.isEmpty()) {
                throw new FieldError("ids", "Tick the contacts first, or choose every contact matching this filter.");
            }
            if (action.equals("export")) {
                String chosen = all ? "" : selection.ids().stream().map(id -> "ids=" + id).collect(Collectors.joining("&"));
                String exportQuery = Stream.of(filter.query(), chosen).filter(part -> !part.isEmpty()).collect(Collectors.joining("&"));
                return "redirect:/audience/contacts/export" + (exportQuery.isEmpty() ? "" : "?" + exportQuery);
            }
            if (action.equals("delete") && !confirmed) {
                int count = bulk.count(member, selection);
                model.addAttribute("count", count);
                model.addAttribute("countText", BulkActions.contacts(count));
                model.addAttribute("ids", selection.ids());
                model.addAttribute("all", all);
                model.addAttribute("query", filter.query());
                return CONFIRM_DELETE_PAGE;
            }
            String notice = switch (action) {
                case "tag" -> bulk.tag(member, selection, bulk.tagOf(member, tagId, newTag));
                case "untag" -> bulk.untag(member, selection, bulk.tagOf(member, tagId, null));
                case "list" -> bulk.addToList(member, selection, bulk.listOf(member, listId, newList));
                case "delete" -> bulk.delete(member, selection);
                default -> throw new FieldError("action", "Choose what to do with the contacts.");
            };
            redirect.addFlashAttribute("notice", notice);
        } catch (FieldError | InvalidConditionException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return back;
    }
}
