ALTER TABLE `editions` ADD `personal_data_purged_at` integer;--> statement-breakpoint
ALTER TABLE `organisations` ADD `retention_months` integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE `organisations` ADD `privacy_notice_fr` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `privacy_notice_en` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `accessibility_statement_fr` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `accessibility_statement_en` text;