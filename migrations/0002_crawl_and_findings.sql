CREATE TABLE `crawl_hosts` (
	`host` text PRIMARY KEY NOT NULL,
	`next_allowed_at` text NOT NULL,
	`crawl_delay_seconds` real,
	`robots_txt` text,
	`robots_status` text,
	`robots_fetched_at` text,
	`robots_expires_at` text,
	`backoff_until` text
);
--> statement-breakpoint
CREATE TABLE `crawl_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer NOT NULL,
	`url` text NOT NULL,
	`depth` integer DEFAULT 0 NOT NULL,
	`discovered_via` text NOT NULL,
	`next_due_at` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_status` text,
	`last_http_status` integer,
	`last_error` text,
	`last_fetched_at` text,
	`etag` text,
	`last_modified` text,
	`content_hash` text,
	`lease_owner` text,
	`lease_expires_at` text,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `crawl_sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `crawl_jobs_site_url_uq` ON `crawl_jobs` (`site_id`,`url`);--> statement-breakpoint
CREATE INDEX `crawl_jobs_due_idx` ON `crawl_jobs` (`active`,`next_due_at`);--> statement-breakpoint
CREATE TABLE `crawl_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trigger` text NOT NULL,
	`owner` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`pages_fetched` integer DEFAULT 0 NOT NULL,
	`pages_unchanged` integer DEFAULT 0 NOT NULL,
	`skipped_robots` integer DEFAULT 0 NOT NULL,
	`skipped_other` integer DEFAULT 0 NOT NULL,
	`errors` integer DEFAULT 0 NOT NULL,
	`findings_new` integer DEFAULT 0 NOT NULL,
	`findings_resolved` integer DEFAULT 0 NOT NULL,
	`findings_reopened` integer DEFAULT 0 NOT NULL,
	`partial` integer DEFAULT false NOT NULL,
	`notes` text
);
--> statement-breakpoint
CREATE TABLE `crawl_sites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider_id` integer,
	`origin` text NOT NULL,
	`start_url` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`revisit_seconds` integer DEFAULT 604800 NOT NULL,
	`last_crawl_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `crawl_sites_origin_provider_uq` ON `crawl_sites` (`origin`,`provider_id`);--> statement-breakpoint
CREATE INDEX `crawl_sites_provider_idx` ON `crawl_sites` (`provider_id`);--> statement-breakpoint
CREATE TABLE `finding_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`finding_id` integer NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`kind` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`reason` text,
	`crawl_run_id` integer,
	FOREIGN KEY (`finding_id`) REFERENCES `findings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`crawl_run_id`) REFERENCES `crawl_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `finding_events_finding_idx` ON `finding_events` (`finding_id`);--> statement-breakpoint
CREATE TABLE `findings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fingerprint` text NOT NULL,
	`rule_id` text NOT NULL,
	`severity` text NOT NULL,
	`provider_id` integer,
	`site_id` integer,
	`job_id` integer,
	`url` text NOT NULL,
	`status` text NOT NULL,
	`match` text NOT NULL,
	`context` text NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`line` integer NOT NULL,
	`column` integer NOT NULL,
	`message` text NOT NULL,
	`suggestion` text,
	`ruleset_version` text NOT NULL,
	`first_seen_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`resolved_at` text,
	`times_reopened` integer DEFAULT 0 NOT NULL,
	`first_snapshot_id` integer,
	`last_snapshot_id` integer,
	`last_crawl_run_id` integer,
	`assigned_to` integer,
	`dismissed_reason` text,
	FOREIGN KEY (`provider_id`) REFERENCES `providers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `crawl_sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`job_id`) REFERENCES `crawl_jobs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`first_snapshot_id`) REFERENCES `page_snapshots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`last_snapshot_id`) REFERENCES `page_snapshots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`last_crawl_run_id`) REFERENCES `crawl_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `findings_fingerprint_uq` ON `findings` (`fingerprint`);--> statement-breakpoint
CREATE INDEX `findings_status_idx` ON `findings` (`status`);--> statement-breakpoint
CREATE INDEX `findings_provider_idx` ON `findings` (`provider_id`);--> statement-breakpoint
CREATE INDEX `findings_job_idx` ON `findings` (`job_id`);--> statement-breakpoint
CREATE TABLE `page_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job_id` integer NOT NULL,
	`url` text NOT NULL,
	`fetched_at` text NOT NULL,
	`http_status` integer NOT NULL,
	`content_hash` text NOT NULL,
	`html_bytes` integer NOT NULL,
	`title` text,
	`text` text NOT NULL,
	`crawl_run_id` integer,
	FOREIGN KEY (`job_id`) REFERENCES `crawl_jobs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`crawl_run_id`) REFERENCES `crawl_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `page_snapshots_job_hash_uq` ON `page_snapshots` (`job_id`,`content_hash`);--> statement-breakpoint
CREATE INDEX `page_snapshots_job_idx` ON `page_snapshots` (`job_id`);