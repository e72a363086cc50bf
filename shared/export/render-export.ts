import { exportAwsCliScript } from './aws-cli-script';
import { exportCloudFormation } from './cloudformation';
import type { ExportFile, ExportFormat, ExportInput } from './export-input';
import { exportJsonDocuments } from './json-documents';
import { exportTerraform } from './terraform';

export function renderExport(format: ExportFormat, input: ExportInput): readonly ExportFile[] {
  switch (format) {
    case 'json':
      return exportJsonDocuments(input);
    case 'terraform':
      return exportTerraform(input);
    case 'cloudformation':
      return exportCloudFormation(input);
    case 'aws-cli':
      return exportAwsCliScript(input);
  }
}
