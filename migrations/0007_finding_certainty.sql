ALTER TABLE `findings` ADD `certainty` text DEFAULT 'certain' NOT NULL;--> statement-breakpoint
ALTER TABLE `findings` ADD `confidence` real DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `findings` ADD `language` text;--> statement-breakpoint
ALTER TABLE `findings` ADD `evidence` text;