"""The version of the JSON contract of `status --format json` (and of the cache keyed on
it), apart from `results.status` so that a cached `status` need not import the rows."""

JSON_SCHEMA_VERSION = 1
