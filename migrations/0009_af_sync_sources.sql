CREATE TABLE `af_sync_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`kind` text NOT NULL,
	`file_name` text,
	`etag` text,
	`last_modified` text,
	`sha256` text,
	`imported_sha256` text,
	`bytes` integer,
	`status` text NOT NULL,
	`last_error` text,
	`last_checked_at` text NOT NULL,
	`last_changed_at` text,
	`last_imported_at` text,
	`last_import_run_id` integer,
	`links` text,
	FOREIGN KEY (`last_import_run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `af_sync_sources_url_uq` ON `af_sync_sources` (`url`);