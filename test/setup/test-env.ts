// Quiet logs in tests; a test that needs them sets LOG_LEVEL itself.
process.env.LOG_LEVEL ??= 'silent';
