// The types the facade's API uses, re-exported so that the command line imports `Limber`
// alone: the value types of JournalModel, the import and export types of Interchange, and
// the archive summaries and errors of Backup, the progress report of Stats. Operations go
// through `Journal`.
@_exported import Backup
@_exported import Interchange
@_exported import JournalModel
@_exported import Stats
