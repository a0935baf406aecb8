CREATE TABLE `speaker_photos` (
	`speaker_id` integer NOT NULL,
	`size` integer NOT NULL,
	`key` text NOT NULL,
	`bytes` blob NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`speaker_id`, `size`),
	FOREIGN KEY (`speaker_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `speakers` ADD `consent_public_photo` integer DEFAULT false NOT NULL;