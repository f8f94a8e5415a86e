-- The number of rows an uploaded file holds, estimated while it is stored (its line breaks, less
-- the header): the progress bar's total. An estimate, because a quoted field may hold a line
-- break; the bar never passes its end and shows full once the import is done.
alter table imports add column estimated_rows bigint;
