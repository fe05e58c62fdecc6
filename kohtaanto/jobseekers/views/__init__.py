"""Pages of the job-seeker app; each view checks permission, calls one service or selector
and renders."""
