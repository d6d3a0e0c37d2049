-- XEP-0347 §3.15 search, schema version 2 (PostgreSQL only): statistics on tag name and value together. Without them
-- the planner multiplies the selectivity of "name = ?" and of the value condition over all tags (e.g. a range on V
-- judged against LAT and LON values too), under-estimates how many Things match, and reads every row of the driving
-- operator and sorts instead of walking the index in thing_id order and stopping after one page.
CREATE STATISTICS IF NOT EXISTS tag_name_str (mcv) ON name, str_value FROM tag;
CREATE STATISTICS IF NOT EXISTS tag_name_num (mcv) ON name, num_value FROM tag;
