// Replaced by the WebJobs-based local host.
return 0;
