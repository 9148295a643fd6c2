-- Supervision: the regulator that holds a pilot zone's policy. A zone is changed only by the regulator that
-- defined it (another regulator's change answers as if the zone did not exist); a zone the platform seeded,
-- with no authority yet, becomes the first changing regulator's.

alter table supervision_pilot_zones add column authority_id uuid;
