/** The EIP-1193 surface the widget uses, and EIP-6963's announcement shape. */
export type Eip1193Provider = {
  request(args: { method: string; params?: unknown[] | object }): Promise<unknown>
}

export type Eip6963ProviderInfo = { uuid: string; name: string; icon: string; rdns: string }

export type Eip6963ProviderDetail = { info: Eip6963ProviderInfo; provider: Eip1193Provider }

export type Eip6963AnnounceEvent = CustomEvent<Eip6963ProviderDetail>
