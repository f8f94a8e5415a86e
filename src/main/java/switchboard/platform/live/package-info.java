/**
 * Live updates: what just happened in an account, pushed to that account's open browser tabs on
 * every node.
 *
 * <p>Publishing, from any module, inside the transaction of the change:
 * <pre>{@code
 * live.publish(member.accountId(), "inbox.changed", inboxId, "New chat from +1 555 0100");
 * }</pre>
 * The row is written to {@code live_events} and its id sent with {@code NOTIFY switchboard_live},
 * which PostgreSQL delivers at commit (never on rollback). Each node's listener reads the row and
 * writes it to its own SSE streams of that account ({@code GET /events}).
 *
 * <p>In the browser, {@code switchboard.js} turns each event into the DOM event
 * {@code live:<type>} on {@code <body>} (detail: {@code {type, subjectId, text}}) and lists the
 * text in the page's live log. A page refreshes a part of itself with htmx:
 * <pre>{@code
 * <div hx-get="/chats/list" hx-trigger="live:inbox.changed from:body">...</div>
 * }</pre>
 */
package switchboard.platform.live;
