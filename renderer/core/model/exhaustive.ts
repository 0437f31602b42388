/**
 * For the default branch of a switch that must handle every case of a union: the compiler names the
 * case left out ("Argument of type '"new-item"' is not assignable to parameter of type 'never'").
 */
export function unreachable(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
