import type { ConnectionDraft } from './connection-validation';
import { IicsError, notFound } from './iics-errors';
import { MASKED_SECRET, S3V2_ATTRIBUTES } from './s3v2-connector-fixture';
import type { IicsWorld } from './world';

/**
 * The org's connections, kept in memory for the life of the emulator. Reads go through `view`,
 * which masks secrets the way IICS does, so no stored secret ever leaves in a response.
 */

export interface StoredConnection extends ConnectionDraft {
  readonly id: string;
  readonly createTime: string;
  readonly updateTime: string;
  readonly createdBy: string;
  readonly updatedBy: string;
}

const SECRET_PARAMS = new Set(S3V2_ATTRIBUTES.filter((a) => a.kind === 'secret').map((a) => a.name));

export class ConnectionStore {
  private readonly connections = new Map<string, StoredConnection>();
  private sequence = 0;

  constructor(
    private readonly world: IicsWorld,
    private readonly clock: () => number,
  ) {}

  list(): StoredConnection[] {
    return [...this.connections.values()];
  }

  get(id: string): StoredConnection {
    const found = this.connections.get(id);
    if (found === undefined) throw notFound(`Connection ${id}`);
    return found;
  }

  getByName(name: string): StoredConnection {
    const found = this.list().find((c) => c.name === name);
    if (found === undefined) throw notFound(`Connection named ${name}`);
    return found;
  }

  create(draft: ConnectionDraft, by: string): StoredConnection {
    this.assertNameFree(draft.name, undefined);
    this.sequence += 1;
    const id = `${this.world.org.id}0B${String(this.sequence).padStart(12, '0')}`;
    const now = new Date(this.clock()).toISOString();
    const stored: StoredConnection = { ...draft, id, createTime: now, updateTime: now, createdBy: by, updatedBy: by };
    this.connections.set(id, stored);
    return stored;
  }

  replace(id: string, draft: ConnectionDraft, by: string): StoredConnection {
    const existing = this.get(id);
    this.assertNameFree(draft.name, id);
    const stored: StoredConnection = {
      ...draft,
      id,
      createTime: existing.createTime,
      createdBy: existing.createdBy,
      updateTime: new Date(this.clock()).toISOString(),
      updatedBy: by,
    };
    this.connections.set(id, stored);
    return stored;
  }

  delete(id: string): void {
    this.get(id);
    this.connections.delete(id);
  }

  /** The connection as a GET returns it: secrets masked, IICS's own connParams added. */
  view(connection: StoredConnection): object {
    const environment = this.world.runtimeEnvironments.find((e) => e.id === connection.runtimeEnvironmentId);
    const agentId = environment?.kind === 'secureAgentGroup' ? (environment.agents[0]?.id ?? '') : '';
    const connParams: Record<string, string> = {};
    for (const [key, value] of Object.entries(connection.connParams)) {
      connParams[key] = SECRET_PARAMS.has(key) && value !== '' ? MASKED_SECRET : value;
    }
    return {
      '@type': 'connection',
      id: connection.id,
      orgId: this.world.org.id,
      name: connection.name,
      description: connection.description,
      createTime: connection.createTime,
      updateTime: connection.updateTime,
      createdBy: connection.createdBy,
      updatedBy: connection.updatedBy,
      majorUpdateTime: connection.updateTime,
      agentId,
      runtimeEnvironmentId: connection.runtimeEnvironmentId,
      type: connection.type,
      baseType: connection.type,
      instanceName: connection.instanceName,
      instanceDisplayName: connection.instanceName,
      connectorStatus: 'ACTIVE',
      federatedId: `${connection.id.slice(-10)}fed`,
      timeout: 60,
      retryNetworkError: false,
      metadataBrowsable: true,
      connParams: { ...connParams, agentGroupId: connection.runtimeEnvironmentId, agentId, orgId: this.world.org.id },
    };
  }

  private assertNameFree(name: string, exceptId: string | undefined): void {
    const clash = this.list().find((c) => c.name === name && c.id !== exceptId);
    if (clash !== undefined) {
      throw new IicsError(400, 'CONNECTION_INVALID', `A connection named "${name}" already exists (id ${clash.id}).`);
    }
  }
}
