CREATE TABLE `robots_cache` (
	`origin` text PRIMARY KEY NOT NULL,
	`record` text NOT NULL,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `crawl_hosts` DROP COLUMN `crawl_delay_seconds`;--> statement-breakpoint
ALTER TABLE `crawl_hosts` DROP COLUMN `robots_txt`;--> statement-breakpoint
ALTER TABLE `crawl_hosts` DROP COLUMN `robots_status`;--> statement-breakpoint
ALTER TABLE `crawl_hosts` DROP COLUMN `robots_fetched_at`;--> statement-breakpoint
ALTER TABLE `crawl_hosts` DROP COLUMN `robots_expires_at`;--> statement-breakpoint
ALTER TABLE `crawl_hosts` DROP COLUMN `backoff_until`;