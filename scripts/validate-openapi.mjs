// Validates an OpenAPI document with @apidevtools/swagger-parser (schema of the specification, then every $ref).
//   node scripts/validate-openapi.mjs FILE
import SwaggerParser from "@apidevtools/swagger-parser";

const file = process.argv[2];
try {
    const api = await SwaggerParser.validate(file);
    console.log(`swagger-parser: ${file} is a valid OpenAPI ${api.openapi} document.`);
} catch (error) {
    console.error(`swagger-parser: ${file} is not valid: ${error.message}`);
    process.exit(1);
}
