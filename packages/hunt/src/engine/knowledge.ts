/**
 * What the detections need to know about binaries, places and ports, as one interface. The
 * default is built from the data tables in `knowledge/` and `paths/`; tests and callers can
 * pass their own.
 */

/** A living-off-the-land binary recognised by name. */
export interface KnownLolbin {
  readonly name: string;
  /** What it is used for, e.g. `script host` or `downloader`. */
  readonly category: string;
  /** True when the image is not in any of the binary's usual directories. */
  readonly outsideHome: boolean;
}

/** A user-writable place an image lives in. */
export interface KnownWritablePlace {
  readonly id: string;
  readonly label: string;
  /** Set when the path is a known vendor's usual install place there (OneDrive, Teams, ...). */
  readonly knownGood?: string;
}

/** A remote-administration service by port. */
export interface KnownAdminService {
  readonly name: string;
  /** True for the services lateral movement uses: RDP, SMB, WinRM, RPC/DCOM, SSH. */
  readonly lateral: boolean;
}

/** A service host binary and the public ports it has business with. */
export interface KnownServiceHost {
  readonly name: string;
  readonly expectedPublicPorts: readonly number[];
}

/** The lookups the detections use. */
export interface Knowledge {
  lolbin(image: string): KnownLolbin | undefined;
  writablePlace(image: string): KnownWritablePlace | undefined;
  adminService(port: number): KnownAdminService | undefined;
  serviceHost(image: string): KnownServiceHost | undefined;
  isBrowser(image: string): boolean;
  /** The process that starts services (services.exe), by image. */
  isServiceControlManager(image: string): boolean;
  /**
   * A host of remote execution whose children follow an inbound connection (wmiprvse.exe after
   * RPC, wsmprovhost.exe after WinRM, services.exe after SMB, as PsExec does), or undefined.
   * `child` is the image it started: routine children (services.exe starting svchost.exe) are
   * not remote execution.
   */
  remoteExecutionHost(parent: string, child: string): KnownRemoteExecutionHost | undefined;
}

/** A process whose children are remote execution when they follow a connection to its ports. */
export interface KnownRemoteExecutionHost {
  readonly label: string;
  /** The service ports whose inbound connections it serves. */
  readonly ports: readonly number[];
}
