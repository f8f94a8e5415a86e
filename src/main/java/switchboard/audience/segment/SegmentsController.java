package switchboard.audience.segment;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import switchboard.accounts.Accounts;
import switchboard.accounts.Member;
import switchboard.audience.filter.AttributeCondition;
import switchboard.audience.filter.AttributeField;
import switchboard.audience.filter.ConditionOperator;
import switchboard.audience.filter.ContactQueries;
import switchboard.audience.filter.InvalidConditionException;
import switchboard.audience.list.Lists;
import switchboard.audience.search.ContactSearch;
import switchboard.audience.tag.Tags;
import switchboard.platform.web.ConflictException;
import switchboard.platform.web.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * Audience -> Segments: the list with live member counts (each loaded by its own request, so a
 * million contacts never hold up the page), and the editor: name, tags, lists, hand-picked
 * contacts (search as you type), attribute conditions, and a live preview of the count.
 * Saving is a plain form; the editor's helpers (picker, condition rows, preview) need htmx.
 */
@Controller
@RequestMapping("/audience/segments")
class SegmentsController {

    private static final String LIST_PAGE = "audience/segments/segments";
    private static final String LIST_FRAGMENT = "audience/segments/_segments :: segments";
    private static final String EDIT_PAGE = "audience/segments/edit";
    private static final String DELETE_PAGE = "audience/segments/delete";
    private static final String CONDITION_ROW = "audience/segments/_editor :: condition-row";
    private static final String PICKER_RESULTS = "audience/segments/_editor :: picker-results";
    private static final String PICKED = "audience/segments/_editor :: picked";
    private static final String LIST_PATH = "redirect:/audience/segments";
    private static final int PICKER_RESULTS_SHOWN = 8;
    /** The event (sent with HX-Trigger) on which the editor asks for its live count again. */
    private static final String CHANGED = "segment-changed";

    private final Segments segments;
    private final Tags tags;
    private final Lists lists;
    private final ContactQueries queries;
    private final ContactSearch search;
    private final Accounts accounts;

    SegmentsController(Segments segments, Tags tags, Lists lists, ContactQueries queries, ContactSearch search, Accounts accounts) {
        this.segments = segments;
        this.tags = tags;
        this.lists = lists;
        this.queries = queries;
        this.search = search;
        this.accounts = accounts;
    }

    @GetMapping
    String list(@AuthenticationPrincipal Member member, Model model) {
        model.addAttribute("segments", segments.list(member.accountId()));
        return LIST_PAGE;
    }

    /** The table alone: what the page reloads when a live event says segments changed. */
    @GetMapping("/table")
    String table(@AuthenticationPrincipal Member member, Model model) {
        model.addAttribute("segments", segments.list(member.accountId()));
        return LIST_FRAGMENT;
    }

    /**
     * One segment's live member count for its table cell. An HTML fragment (htmx swaps it in as
     * such), so the text is escaped: a condition's message quotes what someone typed.
     */
    @GetMapping(path = "/{id}/count", produces = "text/html;charset=UTF-8")
    @ResponseBody
    String count(@AuthenticationPrincipal Member member, @PathVariable long id) {
        try {
            return contacts(segments.count(member.accountId(), id));
        } catch (SegmentNeedsFixingException e) {
            return HtmlUtils.htmlEscape(e.getMessage());
        }
    }

    @GetMapping("/new")
    String create(@AuthenticationPrincipal Member member, Model model) {
        return editor(member, null, new Draft("", List.of(), List.of(), List.of(), List.of()), model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal Member member, WebRequest request, Model model, RedirectAttributes redirect) {
        Draft draft = Draft.of(request);
        try {
            Segment segment = segments.create(member.accountId(), definition(member, draft));
            redirect.addFlashAttribute("notice", "Added the segment " + segment.name() + ".");
        } catch (FieldError | ConflictException e) {
            model.addAttribute(errorName(e), e.getMessage());
            return editor(member, null, draft, model);
        }
        return LIST_PATH;
    }

    @GetMapping("/{id}")
    String edit(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
        Segment segment = segments.get(member.accountId(), id);
        List<ConditionInput> conditions = segment.conditions().stream()
                .map(c -> new ConditionInput(c.attribute(), c.operator().code(), c.value())).toList();
        return editor(member, segment, new Draft(segment.name(), segment.tagIds(), segment.listIds(), segment.contactIds(), conditions), model);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal Member member, @PathVariable long id, WebRequest request, Model model,
                  RedirectAttributes redirect) {
        Draft draft = Draft.of(request);
        Segment segment = segments.get(member.accountId(), id);
        try {
            Segment saved = segments.update(member.accountId(), id, definition(member, draft));
            redirect.addFlashAttribute("notice", "Saved the segment " + saved.name() + ".");
        } catch (FieldError | ConflictException e) {
            model.addAttribute(errorName(e), e.getMessage());
            return editor(member, segment, draft, model);
        }
        return LIST_PATH;
    }

    /** The editor's live count: what the segment would hold if saved now, or why it cannot be saved (escaped HTML, as above). */
    @PostMapping(path = "/preview", produces = "text/html;charset=UTF-8")
    @ResponseBody
    String preview(@AuthenticationPrincipal Member member, WebRequest request) {
        try {
            return "Matches " + contacts(segments.preview(member.accountId(), definition(member, Draft.of(request)))) + " now.";
        } catch (FieldError e) {
            return HtmlUtils.htmlEscape(e.getMessage());
        }
    }

    /** A condition row for the chosen attribute (its operators and value control), or a new blank one. */
    @GetMapping("/condition-row")
    String conditionRow(@AuthenticationPrincipal Member member, @RequestParam(required = false) List<String> conditionAttribute,
                        @RequestParam(required = false) List<String> conditionOperator,
                        @RequestParam(required = false) List<String> conditionValue, HttpServletResponse response, Model model) {
        response.setHeader("HX-Trigger", CHANGED);
        List<AttributeField> fields = queries.fields(member.accountId());
        model.addAttribute("fields", fields);
        model.addAttribute("row", ConditionRow.of(first(conditionAttribute), first(conditionOperator), first(conditionValue), fields));
        return CONDITION_ROW;
    }

    /** Search-as-you-type for the contact picker. */
    @GetMapping("/picker")
    String picker(@AuthenticationPrincipal Member member, @RequestParam(defaultValue = "") String q, Model model) {
        String country = accounts.account(member.accountId()).orElseThrow().defaultCountry();
        model.addAttribute("query", q.strip());
        model.addAttribute("matches", search.search(member.accountId(), country, q, PICKER_RESULTS_SHOWN));
        return PICKER_RESULTS;
    }

    /** A picked contact's row for the chosen list; nothing (204) when it is chosen already. */
    @GetMapping("/picked")
    Object picked(@AuthenticationPrincipal Member member, @RequestParam long contactId,
                  @RequestParam(required = false) List<Long> contactIds, HttpServletResponse response, Model model) {
        if (contactIds != null && contactIds.contains(contactId)) {
            return ResponseEntity.noContent().build();
        }
        response.setHeader("HX-Trigger", CHANGED);
        model.addAttribute("picked", segments.pickedContacts(member.accountId(), List.of(contactId)));
        return PICKED;
    }

    /** The confirmation step when the browser runs no script; with htmx, hx-confirm asks instead. */
    @GetMapping("/{id}/delete")
    String confirmDelete(@AuthenticationPrincipal Member member, @PathVariable long id, Model model) {
        model.addAttribute("segment", segments.get(member.accountId(), id));
        return DELETE_PAGE;
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal Member member, @PathVariable long id,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        Segment deleted = segments.delete(member.accountId(), id);
        String notice = "Deleted the segment " + deleted.name() + "; its contacts stay.";
        if (htmx != null) {
            model.addAttribute("segments", segments.list(member.accountId()));
            model.addAttribute("status", notice);
            return LIST_FRAGMENT;
        }
        redirect.addFlashAttribute("notice", notice);
        return LIST_PATH;
    }

    /**
     * The form as posted. Conditions come as three parallel lists (one entry per row, blank rows
     * included); a row without an attribute is the editor's empty last row and is skipped.
     */
    record Draft(String name, List<Long> tagIds, List<Long> listIds, List<Long> contactIds, List<ConditionInput> conditions) {

        Draft {
            name = name == null ? "" : name;
            tagIds = tagIds == null ? List.of() : tagIds;
            listIds = listIds == null ? List.of() : listIds;
            contactIds = contactIds == null ? List.of() : contactIds;
            conditions = conditions == null ? List.of() : conditions;
        }

        static Draft of(WebRequest request) {
            return new Draft(request.getParameter("name"), ids(request, "tagIds"), ids(request, "listIds"), ids(request, "contactIds"),
                    rows(strings(request, "conditionAttribute"), strings(request, "conditionOperator"), strings(request, "conditionValue")));
        }

        private static List<String> strings(WebRequest request, String name) {
            String[] values = request.getParameterValues(name);
            return values == null ? List.of() : List.of(values);
        }

        private static List<Long> ids(WebRequest request, String name) {
            List<Long> ids = new ArrayList<>();
            for (String value : strings(request, name)) {
                try {
                    ids.add(Long.parseLong(value.strip()));
                } catch (NumberFormatException e) {
                    throw new FieldError(name, "'" + value + "' is not an id.");
                }
            }
            return ids;
        }

        private static List<ConditionInput> rows(List<String> attributes, List<String> operators, List<String> values) {
            List<ConditionInput> rows = new ArrayList<>();
            if (attributes != null) {
                for (int i = 0; i < attributes.size(); i++) {
                    rows.add(new ConditionInput(attributes.get(i), at(operators, i), at(values, i)));
                }
            }
            return rows;
        }

        private static String at(List<String> values, int i) {
            return values != null && i < values.size() ? values.get(i) : "";
        }
    }

    record ConditionInput(String attribute, String operator, String value) {
    }

    private SegmentDefinition definition(Member member, Draft draft) {
        List<AttributeCondition> conditions = new ArrayList<>();
        int number = 0;
        for (ConditionInput row : draft.conditions()) {
            if (row.attribute() == null || row.attribute().isBlank()) {
                continue;
            }
            number++;
            try {
                conditions.add(new AttributeCondition(row.attribute(), ConditionOperator.ofCode(row.operator()), row.value()));
            } catch (InvalidConditionException e) {
                throw new FieldError("conditions", "Condition " + number + ": " + e.getMessage() + ".");
            }
        }
        return new SegmentDefinition(draft.name(), draft.tagIds(), draft.listIds(), draft.contactIds(), conditions);
    }

    private String editor(Member member, Segment segment, Draft draft, Model model) {
        List<AttributeField> fields = queries.fields(member.accountId());
        List<ConditionRow> rows = new ArrayList<>();
        for (ConditionInput input : draft.conditions()) {
            if (input.attribute() != null && !input.attribute().isBlank()) {
                rows.add(ConditionRow.of(input.attribute(), input.operator(), input.value(), fields));
            }
        }
        // An empty last row lets a person add a condition even without script (saved, it gets another).
        rows.add(ConditionRow.of("", "", "", fields));
        model.addAttribute("segment", segment);
        model.addAttribute("draft", draft);
        model.addAttribute("allTags", tags.list(member.accountId()));
        model.addAttribute("allLists", lists.list(member.accountId()));
        model.addAttribute("picked", segments.pickedContacts(member.accountId(), draft.contactIds()));
        model.addAttribute("fields", fields);
        model.addAttribute("rows", rows);
        return EDIT_PAGE;
    }

    private static String errorName(RuntimeException e) {
        if (e instanceof FieldError field) {
            return switch (field.field()) {
                case "tagIds" -> "tagsError";
                case "listIds" -> "listsError";
                case "contactIds" -> "contactsError";
                case "conditions" -> "conditionsError";
                case "members" -> "membersError";
                default -> "nameError";
            };
        }
        return "nameError";
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }

    static String contacts(long count) {
        return count == 1 ? "1 contact" : String.format("%,d contacts", count);
    }
}
