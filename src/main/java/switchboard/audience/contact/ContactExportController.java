package switchboard.audience.contact;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import switchboard.accounts.Member;
import switchboard.audience.filter.ContactFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Export: a page to choose the columns for the current filter (or the ticked contacts), and the
 * CSV itself at export.csv with the same query, so an export link can be bookmarked too.
 */
@Controller
@RequestMapping("/audience/contacts")
class ContactExportController {

    static final String EXPORT_PAGE = "audience/contacts/export";

    private final ContactExport export;
    private final ContactPages pages;
    private final Contacts contacts;
    private final Clock clock;

    ContactExportController(ContactExport export, ContactPages pages, Contacts contacts, Clock clock) {
        this.export = export;
        this.pages = pages;
        this.contacts = contacts;
        this.clock = clock;
    }

    @GetMapping("/export")
    String choose(@AuthenticationPrincipal Member member, @ModelAttribute("filter") ContactFilterForm filter,
                  @RequestParam(required = false) List<Long> ids, Model model) {
        BulkSelection selection = new BulkSelection(ids, false, filter.toFilter());
        model.addAttribute("columns", export.columns(member.accountId()));
        model.addAttribute("ids", selection.ids());
        model.addAttribute("countText", selection.ids().isEmpty()
                ? pages.page(member, selection.filter(), null, null, 1).countText()
                : BulkActions.contacts(selection.ids().size()));
        return EXPORT_PAGE;
    }

    @GetMapping("/export.csv")
    void csv(@AuthenticationPrincipal Member member, @ModelAttribute ContactFilterForm filter,
             @RequestParam(required = false) List<Long> ids, @RequestParam(required = false) List<String> columns,
             HttpServletResponse response) throws IOException {
        ContactFilter contactFilter = filter.toFilter();
        List<ExportColumn> chosen = export.chosen(member.accountId(), columns);
        String name = "contacts-" + LocalDate.now(clock.withZone(contacts.timeZone(member.accountId()))) + ".csv";
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        export.write(member, new BulkSelection(ids, false, contactFilter), chosen, response.getOutputStream());
    }
}
