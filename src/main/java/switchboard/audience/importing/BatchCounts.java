package switchboard.audience.importing;

/** What became of the rows of one batch; every row read is counted exactly once. */
record BatchCounts(long read, long created, long updated, long skipped, long failed) {

    static final BatchCounts NONE = new BatchCounts(0, 0, 0, 0, 0);

    BatchCounts plus(BatchCounts other) {
        return new BatchCounts(read + other.read, created + other.created, updated + other.updated,
                skipped + other.skipped, failed + other.failed);
    }
}
