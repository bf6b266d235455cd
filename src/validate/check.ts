// Load and validate one file's text: the first two stages, without the rest of the pipeline,
// so that `validate` loads only what it needs.
import { load } from "../load/load.ts";
import { validate, type ValidateOptions, type Validated } from "./validate.ts";

/** Load and validate one file's text. Replies are checked against options.criteria, if given. Pure. */
export function loadAndValidate(file: string, text: string, today: string, options: ValidateOptions = {}): Validated {
  return validate(load(file, text), today, options);
}
