-- The chair, the vice chair and the secretary are council members: the roster now stores 'member'
-- with their office (shared/domain/roster/roles.ts withImpliedRoles); rows written before get it here.
UPDATE `people` SET `roles` = json_insert(`roles`, '$[#]', 'member')
WHERE json_valid(`roles`)
  AND EXISTS (SELECT 1 FROM json_each(`people`.`roles`) WHERE `value` IN ('chair', 'vice_chair', 'secretary'))
  AND NOT EXISTS (SELECT 1 FROM json_each(`people`.`roles`) WHERE `value` = 'member');
