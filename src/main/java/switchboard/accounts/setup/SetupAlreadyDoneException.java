package switchboard.accounts.setup;

/** First-run setup happens once; after that, accounts are created by signed-in users. */
class SetupAlreadyDoneException extends RuntimeException {

    SetupAlreadyDoneException() {
        super("Switchboard is already set up. Sign in, or ask an owner of your business for an invite.");
    }
}
