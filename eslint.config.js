// ESLint: typescript-eslint's strict, type-aware rules over the sources, tests, benches and
// scripts. `npm run lint`; `npm run check` runs it with the types, the format check and tests.
// A rule is switched off only here or on a line that says why.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "output/", "node_modules/", "dist.tmp-*/", "**/*.tmp.*"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // tsconfig's noUncheckedIndexedAccess makes every a[i] possibly undefined. `!` after an
      // index that a loop bound, a length check or a regex's match guarantees is how this
      // code says so; a wrong one fails the tests (it throws where it is read, not later).
      "@typescript-eslint/no-non-null-assertion": "off",
      // Numbers in messages ("3 of 15 criteria") are what template strings are for here;
      // objects, undefined and null in a message are still errors.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
    },
  },
  {
    // The plain JavaScript of bin/ runs before anything is compiled; it is not type-checked.
    files: ["**/*.js"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        SharedArrayBuffer: "readonly",
        Atomics: "readonly",
        Int32Array: "readonly",
        globalThis: "readonly",
      },
    },
  },
);
