CREATE TABLE `email_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`edition_id` integer NOT NULL,
	`kind` text NOT NULL,
	`locale` text NOT NULL,
	`subject` text,
	`body` text,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `organisers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `email_templates_uuid_unique` ON `email_templates` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `email_templates_edition_kind_locale_idx` ON `email_templates` (`edition_id`,`kind`,`locale`);