/** The PowerShell layer: quoting, commands as data, validation, the cmdlet catalog and the scripts. */
export { quoteLiteral } from './quote';
export {
  cmd,
  v,
  ps,
  comment,
  lines,
  concat,
  renderCommand,
  type Command,
  type ParamValue,
  type VarRef,
  type Fragment,
  type Interpolation,
} from './render';
export {
  showValue,
  validateFqdn,
  validateWindowsPath,
  validateZipPath,
  validateThumbprint,
  validateIsoDate,
  windowsPathProblem,
  type Validated,
} from './validators';
export {
  checkCommand,
  findCmdlet,
  type CommandProblem,
  type CommandProblemCode,
  type CatalogCmdlet,
  type CatalogParameter,
  type CatalogParameterSet,
  type CatalogProduct,
} from './catalog';
export { CMDLET_CATALOG } from './catalog-data';
export { BUILTIN_CMDLETS, COMMON_PARAMETERS } from './builtins';
export { checkContext, DEFAULT_EXPORT_PATH, DEFAULT_WAIT_MINUTES, type CheckedContextResult } from './context';
export type { Script, ScriptContext, ScriptOptions, ScriptResult, ScriptsResult, CheckedContext } from './script';
export { usesStartCsPool } from './pool-start-script';
export { matchesGenerated, requestOfScriptId, type CopiedScript } from './regenerate';
export { allScripts, buildScripts, buildVerificationScript, scriptRequests, type ScriptRequest } from './scripts';
