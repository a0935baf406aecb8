CREATE TABLE `programme_stamps` (
	`edition_id` integer PRIMARY KEY NOT NULL,
	`token` text NOT NULL,
	`changes` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Every existing edition starts with its own token.
INSERT INTO programme_stamps (edition_id, token, changes) SELECT id, lower(hex(randomblob(8))), 0 FROM editions;
--> statement-breakpoint
CREATE TRIGGER editions_stamp_insert AFTER INSERT ON editions BEGIN
  INSERT INTO programme_stamps (edition_id, token, changes) VALUES (NEW.id, lower(hex(randomblob(8))), 0);
END;
--> statement-breakpoint
CREATE TRIGGER editions_stamp_update AFTER UPDATE ON editions BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER rooms_stamp_insert AFTER INSERT ON rooms BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id = NEW.edition_id;
END;
--> statement-breakpoint
CREATE TRIGGER rooms_stamp_update AFTER UPDATE ON rooms BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id IN (OLD.edition_id, NEW.edition_id);
END;
--> statement-breakpoint
CREATE TRIGGER rooms_stamp_delete AFTER DELETE ON rooms BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id = OLD.edition_id;
END;
--> statement-breakpoint
CREATE TRIGGER slots_stamp_insert AFTER INSERT ON slots BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id = NEW.edition_id;
END;
--> statement-breakpoint
CREATE TRIGGER slots_stamp_update AFTER UPDATE ON slots BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id IN (OLD.edition_id, NEW.edition_id);
END;
--> statement-breakpoint
CREATE TRIGGER slots_stamp_delete AFTER DELETE ON slots BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id = OLD.edition_id;
END;
--> statement-breakpoint
CREATE TRIGGER formats_stamp_insert AFTER INSERT ON formats BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id = NEW.edition_id;
END;
--> statement-breakpoint
CREATE TRIGGER formats_stamp_update AFTER UPDATE ON formats BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id IN (OLD.edition_id, NEW.edition_id);
END;
--> statement-breakpoint
CREATE TRIGGER formats_stamp_delete AFTER DELETE ON formats BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id = OLD.edition_id;
END;
--> statement-breakpoint
CREATE TRIGGER themes_stamp_insert AFTER INSERT ON themes BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id = NEW.edition_id;
END;
--> statement-breakpoint
CREATE TRIGGER themes_stamp_update AFTER UPDATE ON themes BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id IN (OLD.edition_id, NEW.edition_id);
END;
--> statement-breakpoint
CREATE TRIGGER themes_stamp_delete AFTER DELETE ON themes BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id = OLD.edition_id;
END;
--> statement-breakpoint
CREATE TRIGGER speakers_stamp_insert AFTER INSERT ON speakers BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id = NEW.edition_id;
END;
--> statement-breakpoint
CREATE TRIGGER speakers_stamp_update AFTER UPDATE ON speakers BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id IN (OLD.edition_id, NEW.edition_id);
END;
--> statement-breakpoint
CREATE TRIGGER speakers_stamp_delete AFTER DELETE ON speakers BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id = OLD.edition_id;
END;
--> statement-breakpoint
CREATE TRIGGER sessions_stamp_insert AFTER INSERT ON sessions BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id = NEW.edition_id;
END;
--> statement-breakpoint
CREATE TRIGGER sessions_stamp_update AFTER UPDATE ON sessions BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id IN (OLD.edition_id, NEW.edition_id);
END;
--> statement-breakpoint
CREATE TRIGGER sessions_stamp_delete AFTER DELETE ON sessions BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id = OLD.edition_id;
END;
--> statement-breakpoint
CREATE TRIGGER conflict_acknowledgements_stamp_insert AFTER INSERT ON conflict_acknowledgements BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id = NEW.edition_id;
END;
--> statement-breakpoint
CREATE TRIGGER conflict_acknowledgements_stamp_update AFTER UPDATE ON conflict_acknowledgements BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id IN (OLD.edition_id, NEW.edition_id);
END;
--> statement-breakpoint
CREATE TRIGGER conflict_acknowledgements_stamp_delete AFTER DELETE ON conflict_acknowledgements BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id = OLD.edition_id;
END;
--> statement-breakpoint
CREATE TRIGGER session_speakers_stamp_insert AFTER INSERT ON session_speakers BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id = (SELECT edition_id FROM sessions WHERE id = NEW.session_id);
END;
--> statement-breakpoint
CREATE TRIGGER session_speakers_stamp_update AFTER UPDATE ON session_speakers BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id IN ((SELECT edition_id FROM sessions WHERE id = OLD.session_id), (SELECT edition_id FROM sessions WHERE id = NEW.session_id));
END;
--> statement-breakpoint
CREATE TRIGGER session_speakers_stamp_delete AFTER DELETE ON session_speakers BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id = (SELECT edition_id FROM sessions WHERE id = OLD.session_id);
END;
--> statement-breakpoint
CREATE TRIGGER availability_windows_stamp_insert AFTER INSERT ON availability_windows BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id = (SELECT edition_id FROM speakers WHERE id = NEW.speaker_id);
END;
--> statement-breakpoint
CREATE TRIGGER availability_windows_stamp_update AFTER UPDATE ON availability_windows BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id IN ((SELECT edition_id FROM speakers WHERE id = OLD.speaker_id), (SELECT edition_id FROM speakers WHERE id = NEW.speaker_id));
END;
--> statement-breakpoint
CREATE TRIGGER availability_windows_stamp_delete AFTER DELETE ON availability_windows BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id = (SELECT edition_id FROM speakers WHERE id = OLD.speaker_id);
END;
--> statement-breakpoint
CREATE TRIGGER room_opening_hours_stamp_insert AFTER INSERT ON room_opening_hours BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id = (SELECT edition_id FROM rooms WHERE id = NEW.room_id);
END;
--> statement-breakpoint
CREATE TRIGGER room_opening_hours_stamp_update AFTER UPDATE ON room_opening_hours BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id IN ((SELECT edition_id FROM rooms WHERE id = OLD.room_id), (SELECT edition_id FROM rooms WHERE id = NEW.room_id));
END;
--> statement-breakpoint
CREATE TRIGGER room_opening_hours_stamp_delete AFTER DELETE ON room_opening_hours BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id = (SELECT edition_id FROM rooms WHERE id = OLD.room_id);
END;
--> statement-breakpoint
CREATE TRIGGER room_walking_times_stamp_insert AFTER INSERT ON room_walking_times BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id = (SELECT edition_id FROM rooms WHERE id = NEW.room_id);
END;
--> statement-breakpoint
CREATE TRIGGER room_walking_times_stamp_update AFTER UPDATE ON room_walking_times BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id IN ((SELECT edition_id FROM rooms WHERE id = OLD.room_id), (SELECT edition_id FROM rooms WHERE id = NEW.room_id));
END;
--> statement-breakpoint
CREATE TRIGGER room_walking_times_stamp_delete AFTER DELETE ON room_walking_times BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id = (SELECT edition_id FROM rooms WHERE id = OLD.room_id);
END;
--> statement-breakpoint
CREATE TRIGGER organisations_stamp_update AFTER UPDATE ON organisations BEGIN
  UPDATE programme_stamps SET changes = changes + 1 WHERE edition_id IN (SELECT edition_id FROM speakers WHERE organisation_id = NEW.id);
END;
