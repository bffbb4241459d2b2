// Writes src/metadata.ts: the Swagger plugin's view of every DTO (types, JSDoc, validators).
// The app loads it with SwaggerModule.loadPluginMetadata, so docs are complete whether the code
// was compiled by tsc (`nest build`) or transformed by swc (jest).
const { PluginMetadataGenerator } = require('@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator.js');
const { ReadonlyVisitor } = require('@nestjs/swagger/plugin');
const { existsSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

// The generator type-checks the project, which imports this file: start from an empty one.
const output = join(__dirname, '..', 'src', 'metadata.ts');
if (!existsSync(output)) {
  writeFileSync(output, 'export default async () => ({});\n');
}

new PluginMetadataGenerator().generate({
  visitors: [
    new ReadonlyVisitor({
      introspectComments: true,
      classValidatorShim: true,
      dtoFileNameSuffix: ['.dto.ts', '.response.ts'],
      pathToSource: join(__dirname, '..', 'src') }),
  ],
  outputDir: join(__dirname, '..', 'src'),
  watch: false,
  tsconfigPath: 'tsconfig.build.json',
  printDiagnostics: false,
});
