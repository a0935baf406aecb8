CREATE TABLE `app_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`edition_id` integer,
	`at` integer NOT NULL,
	`actor_type` text NOT NULL,
	`organiser_id` integer,
	`speaker_id` integer,
	`entity` text NOT NULL,
	`entity_uuid` text,
	`action` text NOT NULL,
	`before` text,
	`after` text,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organiser_id`) REFERENCES `organisers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`speaker_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `audit_log_edition_idx` ON `audit_log` (`edition_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity`,`entity_uuid`);--> statement-breakpoint
CREATE TABLE `availability_windows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`speaker_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	FOREIGN KEY (`speaker_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `availability_windows_uuid_unique` ON `availability_windows` (`uuid`);--> statement-breakpoint
CREATE INDEX `availability_windows_speaker_idx` ON `availability_windows` (`speaker_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `conflict_acknowledgements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`edition_id` integer NOT NULL,
	`rule` text NOT NULL,
	`key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`session_uuids` text DEFAULT '[]' NOT NULL,
	`speaker_uuids` text DEFAULT '[]' NOT NULL,
	`room_uuids` text DEFAULT '[]' NOT NULL,
	`reason` text NOT NULL,
	`organiser_id` integer,
	`created_at` integer NOT NULL,
	`withdrawn_at` integer,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organiser_id`) REFERENCES `organisers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conflict_acknowledgements_uuid_unique` ON `conflict_acknowledgements` (`uuid`);--> statement-breakpoint
CREATE INDEX `conflict_acknowledgements_edition_idx` ON `conflict_acknowledgements` (`edition_id`,`key`);--> statement-breakpoint
CREATE TABLE `edition_organisations` (
	`edition_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	PRIMARY KEY(`edition_id`, `organisation_id`),
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `editions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`time_zone` text DEFAULT 'Europe/Paris' NOT NULL,
	`venue` text DEFAULT '' NOT NULL,
	`main_language` text DEFAULT 'fr' NOT NULL,
	`changeover_minutes` integer DEFAULT 10 NOT NULL,
	`daily_session_limit` integer DEFAULT 3 NOT NULL,
	`rule_levels` text DEFAULT '{}' NOT NULL,
	`copied_from_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `editions_uuid_unique` ON `editions` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `editions_slug_unique` ON `editions` (`slug`);--> statement-breakpoint
CREATE TABLE `emails` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`edition_id` integer,
	`speaker_id` integer,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text NOT NULL,
	`state` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`speaker_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `emails_uuid_unique` ON `emails` (`uuid`);--> statement-breakpoint
CREATE INDEX `emails_edition_idx` ON `emails` (`edition_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `formats` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`edition_id` integer NOT NULL,
	`slug` text NOT NULL,
	`name_fr` text NOT NULL,
	`name_en` text NOT NULL,
	`default_minutes` integer NOT NULL,
	`min_minutes` integer NOT NULL,
	`max_minutes` integer NOT NULL,
	`roles` text DEFAULT '[]' NOT NULL,
	`required_features` text DEFAULT '[]' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `formats_uuid_unique` ON `formats` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `formats_edition_slug_idx` ON `formats` (`edition_id`,`slug`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`edition_id` integer NOT NULL,
	`speaker_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` integer,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`sent_at` integer,
	`last_opened_at` integer,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`speaker_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `organisers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_uuid_unique` ON `invitations` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_tokenHash_unique` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `invitations_speaker_idx` ON `invitations` (`speaker_id`);--> statement-breakpoint
CREATE TABLE `login_sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`organiser_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`organiser_id`) REFERENCES `organisers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `login_sessions_organiser_idx` ON `login_sessions` (`organiser_id`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`name` text NOT NULL,
	`kind` text DEFAULT 'other' NOT NULL,
	`website` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_uuid_unique` ON `organisations` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_name_unique` ON `organisations` (`name`);--> statement-breakpoint
CREATE TABLE `organisers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text DEFAULT 'viewer' NOT NULL,
	`organisation_id` integer,
	`active` integer DEFAULT true NOT NULL,
	`locale` text DEFAULT 'fr' NOT NULL,
	`last_login_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisers_uuid_unique` ON `organisers` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `organisers_email_unique` ON `organisers` (`email`);--> statement-breakpoint
CREATE TABLE `programme_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`edition_id` integer NOT NULL,
	`number` integer NOT NULL,
	`published_at` integer NOT NULL,
	`published_by` integer,
	`note` text,
	`snapshot` text NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`published_by`) REFERENCES `organisers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `programme_versions_number_idx` ON `programme_versions` (`edition_id`,`number`);--> statement-breakpoint
CREATE TABLE `room_opening_hours` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`room_id` integer NOT NULL,
	`date` text NOT NULL,
	`opens` text NOT NULL,
	`closes` text NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `room_opening_hours_room_idx` ON `room_opening_hours` (`room_id`,`date`);--> statement-breakpoint
CREATE TABLE `room_walking_times` (
	`room_id` integer NOT NULL,
	`other_room_id` integer NOT NULL,
	`minutes` integer NOT NULL,
	PRIMARY KEY(`room_id`, `other_room_id`),
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`other_room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `rooms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`edition_id` integer NOT NULL,
	`name` text NOT NULL,
	`capacity` integer,
	`features` text DEFAULT '[]' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rooms_uuid_unique` ON `rooms` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `rooms_edition_name_idx` ON `rooms` (`edition_id`,`name`);--> statement-breakpoint
CREATE TABLE `session_speakers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`speaker_id` integer NOT NULL,
	`role` text DEFAULT 'speaker' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`confirmation` text DEFAULT 'pending' NOT NULL,
	`confirmation_changed_at` integer,
	`decline_reason` text,
	`proposed_time` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`speaker_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `session_speakers_pair_idx` ON `session_speakers` (`session_id`,`speaker_id`);--> statement-breakpoint
CREATE INDEX `session_speakers_speaker_idx` ON `session_speakers` (`speaker_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`edition_id` integer NOT NULL,
	`slug` text NOT NULL,
	`title_fr` text,
	`title_en` text,
	`abstract_fr` text,
	`abstract_en` text,
	`format_id` integer,
	`theme_id` integer,
	`language` text DEFAULT 'fr' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`is_public` integer DEFAULT true NOT NULL,
	`expected_audience` integer,
	`room_id` integer,
	`starts_at` integer,
	`ends_at` integer,
	`first_published_version` integer,
	`is_sample` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`format_id`) REFERENCES `formats`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_uuid_unique` ON `sessions` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_edition_slug_idx` ON `sessions` (`edition_id`,`slug`);--> statement-breakpoint
CREATE INDEX `sessions_edition_start_idx` ON `sessions` (`edition_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `sessions_room_idx` ON `sessions` (`room_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `slot_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`edition_id` integer NOT NULL,
	`name` text NOT NULL,
	`times` text DEFAULT '[]' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `slot_templates_uuid_unique` ON `slot_templates` (`uuid`);--> statement-breakpoint
CREATE TABLE `slots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`edition_id` integer NOT NULL,
	`room_id` integer NOT NULL,
	`template_id` integer,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`template_id`) REFERENCES `slot_templates`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `slots_uuid_unique` ON `slots` (`uuid`);--> statement-breakpoint
CREATE INDEX `slots_room_idx` ON `slots` (`room_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `speaker_login_sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`speaker_id` integer NOT NULL,
	`invitation_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`speaker_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invitation_id`) REFERENCES `invitations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `speaker_reviews` (
	`organiser_id` integer NOT NULL,
	`speaker_id` integer NOT NULL,
	`reviewed_at` integer NOT NULL,
	PRIMARY KEY(`organiser_id`, `speaker_id`),
	FOREIGN KEY (`organiser_id`) REFERENCES `organisers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`speaker_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `speakers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`edition_id` integer NOT NULL,
	`public_name` text NOT NULL,
	`organisation_id` integer,
	`job_title` text,
	`bio_fr` text,
	`bio_en` text,
	`photo_path` text,
	`links` text DEFAULT '[]' NOT NULL,
	`languages` text DEFAULT '["fr"]' NOT NULL,
	`email` text,
	`phone` text,
	`preferred_locale` text DEFAULT 'fr' NOT NULL,
	`accessibility_needs` text,
	`practical_notes` text,
	`internal_notes` text,
	`consent_recording` integer DEFAULT false NOT NULL,
	`consent_photos` integer DEFAULT false NOT NULL,
	`consent_publish_bio` integer DEFAULT false NOT NULL,
	`consents_updated_at` integer,
	`is_sample` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `speakers_uuid_unique` ON `speakers` (`uuid`);--> statement-breakpoint
CREATE INDEX `speakers_edition_idx` ON `speakers` (`edition_id`,`public_name`);--> statement-breakpoint
CREATE UNIQUE INDEX `speakers_edition_email_idx` ON `speakers` (`edition_id`,`email`);--> statement-breakpoint
CREATE TABLE `themes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`edition_id` integer NOT NULL,
	`slug` text NOT NULL,
	`name_fr` text NOT NULL,
	`name_en` text NOT NULL,
	`colour` text DEFAULT '#555555' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `themes_uuid_unique` ON `themes` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `themes_edition_slug_idx` ON `themes` (`edition_id`,`slug`);