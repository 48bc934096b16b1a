ALTER TABLE `crawl_runs` ADD `analysis_timeouts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `crawl_runs` ADD `pages_truncated` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `crawl_runs` ADD `heartbeat_at` text;--> statement-breakpoint
ALTER TABLE `crawl_runs` ADD `aborted` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `page_snapshots` ADD `truncated` text;