/** Closes a switch: the compiler proves it unreachable; at run time it names what slipped through. */
export function unreachable(value: never, what: string): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)}`);
}
