-- A bureau's day is a day in its time zone: "today", dates given without a time, and every
-- "within N years" count follow it. Every bureau served today is in China.
ALTER TABLE tenant ADD COLUMN time_zone text NOT NULL DEFAULT 'Asia/Shanghai';
