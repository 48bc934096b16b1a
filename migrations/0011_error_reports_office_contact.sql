CREATE TABLE `error_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`received_at` text NOT NULL,
	`kind` text NOT NULL,
	`page_url` text,
	`message` text NOT NULL,
	`reply_to` text,
	`locale` text NOT NULL,
	`status` text DEFAULT 'new' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `error_reports_received_idx` ON `error_reports` (`received_at`);--> statement-breakpoint
ALTER TABLE `offices` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `offices` ADD `email` text;