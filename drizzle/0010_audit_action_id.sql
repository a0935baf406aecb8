ALTER TABLE `audit_log` ADD `action_id` text;--> statement-breakpoint
CREATE INDEX `audit_log_action_idx` ON `audit_log` (`action_id`);