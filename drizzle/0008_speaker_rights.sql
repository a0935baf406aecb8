ALTER TABLE `emails` ADD `forget_when_sent` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `organisations` ADD `notice_contact` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `privacy_notice_fr` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `privacy_notice_en` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `accessibility_statement_fr` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `accessibility_statement_en` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `accessibility_conformity` text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE `speakers` ADD `erasure_requested_at` integer;