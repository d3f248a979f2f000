// Results in the formats other tools read: CSV tables and CZML. Pure functions of a report (and,
// for CZML, of the sampled trajectories); the CLI writes them to files, the app offers them as
// downloads.

export { formatAccessCsv } from './access-csv'
export { type CsvValue, csvCell, csvRow } from './csv'
export { buildCzml, type CzmlPacket } from './czml'
export { exportRun, RUN_EXPORT_FORMATS, type RunExport, type RunExportFormat } from './run-export'
export { formatSeriesCsv } from './series-csv'
export { recordTrajectories, recordTrajectoriesAsync, type Trajectories } from './trajectory'
