/**
 * Inboxes now; conversations, messages, notes, assignment and real-time push as the chat issues
 * land. Channels route into inboxes. The API is this package: the {@link switchboard.inbox.Inboxes} facade.
 */
@ApplicationModule(allowedDependencies = {"platform :: *", "accounts"}, displayName = "Inbox")
package switchboard.inbox;

import org.springframework.modulith.ApplicationModule;
