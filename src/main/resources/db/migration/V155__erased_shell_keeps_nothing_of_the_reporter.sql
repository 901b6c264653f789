-- An erased case (/hapus, or a coordinator's erasure at the reporter's request) is a shell that keeps only what the
-- institution's SOP record needs (ReporterErasure's docstring). Shells erased before this release still held the
-- reporter's role, whether the victim is a minor, the services asked for and the in-danger flag, all taken from the
-- answers and describing the pelapor; they are emptied here as the erasure now does.
update intake
   set reporter_role = null, victim_minor = null, services = null, violence_types = null, in_danger = false,
       urgent_medical = false, victim_child = false, child_online = false, stats_consent = false
 where deleted_by_reporter_at is not null
   and (reporter_role is not null or victim_minor is not null or services is not null or violence_types is not null
        or in_danger or urgent_medical or victim_child or child_online or stats_consent);
