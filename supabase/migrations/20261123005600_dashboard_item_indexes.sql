-- Since 005400 no chart reads call_item_results (categories and clauses come from call_results'
-- tallies), so the indexes 005200 gave it for those charts only cost time on every submission (a
-- million-row bulk insert maintains each of them). What stays: the key, and one index per column the
-- policies read (organisation_id, vendor_id, client_id, each with local_date for a period's rows).

drop index public.call_item_results_site_date_idx;
drop index public.call_item_results_scenario_date_idx;
drop index public.call_item_results_clauses_idx;
drop index public.call_item_results_organisation_date_idx;
create index call_item_results_organisation_date_idx
  on public.call_item_results (organisation_id, local_date);
