ALTER TABLE `organisations` ADD `search_text` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `organisations_search_idx` ON `organisations` (`search_text`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `search_text` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `sessions_search_idx` ON `sessions` (`edition_id`,`search_text`);--> statement-breakpoint
ALTER TABLE `speakers` ADD `search_text` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `speakers_search_idx` ON `speakers` (`edition_id`,`search_text`);