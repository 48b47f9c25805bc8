-- Positions no longer come from a counter row per tenant (see 040_journal.sql): each group of appends numbers its
-- facts from its own transaction id, so groups from every silo no longer wait for each other's commit. The counter
-- table of earlier versions is gone; a silo of an earlier version that still runs fails its appends instead of
-- numbering facts the old way among the new ones (upgrade with every silo stopped, or under a new ClusterId).
DROP TABLE IF EXISTS cx_journal_tenant;
