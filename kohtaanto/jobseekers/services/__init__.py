"""Every write to job seekers' data. Each service runs in one transaction and writes its audit
event in it; callers check permissions through the selectors' `*_get_for_actor` first."""
