import { describe, expect, it } from 'vitest'
import {
  SnagConnectBadRequest,
  SnagConnectRequest,
  SnagConnectResponse,
  SnagDisconnectBadRequest,
  SnagDisconnectRequest,
  SnagDisconnectResponse,
  SnagMessageBody,
  SnagMetadataRequest,
  SnagMetadataResponse,
  SnagServerError,
  WalletType,
} from './snag.js'
import { VeltAddUsersRequest, VeltAddUsersResponse, VeltErrorResponse } from './velt.js'

// The examples below are the vendors' own, from shared/spec/ (000–003).

describe('Snag connect schemas', () => {
  const request = {
    websiteId: '123e4567-e89b-12d3-a456-426614174000',
    organizationId: '123e4567-e89b-12d3-a456-426614174001',
    walletType: 'evm',
    walletAddress: '0x1234567890abcdef1234567890abcdef12345678',
    userId: '123e4567-e89b-12d3-a456-426614174001',
    confirmDisconnect: true,
  }

  it('accepts the documented request, with every walletType', () => {
    expect(WalletType.options).toEqual(['evm', 'solana', 'imx', 'sui', 'ton', 'cosmos', 'ultra', 'agw', 'flow_cadence', 'substrate'])
    for (const walletType of WalletType.options) expect(SnagConnectRequest.safeParse({ ...request, walletType }).success).toBe(true)
  })

  it('requires websiteId, organizationId, walletType and walletAddress, and UUID ids', () => {
    for (const key of ['websiteId', 'organizationId', 'walletType', 'walletAddress']) {
      const { [key as keyof typeof request]: _, ...rest } = request
      expect(SnagConnectRequest.safeParse(rest).success).toBe(false)
    }
    expect(SnagConnectRequest.safeParse({ ...request, userId: 'user-1' }).success).toBe(false)
    expect(SnagConnectRequest.safeParse({ ...request, walletType: 'bitcoin' }).success).toBe(false)
  })

  it('accepts tonVerification with its required fields and chain enum', () => {
    const tonVerification = {
      proof: {
        timestamp: 1674392728,
        domain: { lengthBytes: 28, value: 'ratingers.pythonanywhere.com' },
        payload: 'p',
        signature: 's',
        state_init: 'te6',
      },
      account: { address: '0:b2a1', chain: '-239', publicKey: 'ab', walletStateInit: 'te6' },
    }
    expect(SnagConnectRequest.safeParse({ ...request, walletType: 'ton', verificationData: { tonVerification } }).success).toBe(true)
    const wrongChain = { ...tonVerification, account: { ...tonVerification.account, chain: '-1' } }
    expect(SnagConnectRequest.safeParse({ ...request, verificationData: { tonVerification: wrongChain } }).success).toBe(false)
    const noDomain = { ...tonVerification, proof: { ...tonVerification.proof, domain: { value: 'x' } } }
    expect(SnagConnectRequest.safeParse({ ...request, verificationData: { tonVerification: noDomain } }).success).toBe(false)
  })

  it('accepts the documented answers', () => {
    expect(
      SnagConnectResponse.safeParse({
        walletAddress: '0x1234567890abcdef1234567890abcdef12345678',
        id: '123e4567-e89b-12d3-a456-426614174000',
        createdAt: '2023-10-01T12:34:56Z',
        updatedAt: '2023-10-05T15:30:00Z',
      }).success,
    ).toBe(true)
    for (const message of ['Not a valid request', 'User not found', 'You cannot connect same wallet address', 'signatue is not valid'])
      expect(SnagConnectBadRequest.safeParse({ message }).success).toBe(true)
    expect(SnagConnectBadRequest.safeParse({ message: 'Not a valid request', error: 'MAXIMUM_ACCOUNT_LINKED' }).success).toBe(true)
    expect(SnagConnectBadRequest.safeParse({ message: 'signature is not valid' }).success).toBe(false)
    expect(SnagMessageBody.safeParse({ message: 'Forbidden, Could not validate api key' }).success).toBe(true)
    expect(SnagServerError.safeParse({ success: false, message: 'Internal server error', debugInfo: 'Stack trace' }).success).toBe(true)
  })
})

describe('Snag disconnect schemas', () => {
  it('accepts the documented request and answers', () => {
    expect(
      SnagDisconnectRequest.safeParse({
        websiteId: '123e4567-e89b-12d3-a456-426614174000',
        organizationId: '123e4567-e89b-12d3-a456-426614174001',
        userId: '123e4567-e89b-12d3-a456-426614174002',
      }).success,
    ).toBe(true)
    expect(SnagDisconnectResponse.safeParse({ message: 'Success' }).success).toBe(true)
    expect(SnagDisconnectResponse.safeParse({ message: 'Done' }).success).toBe(false)
    for (const message of ['Not a valid request', 'User is not part of the same group', 'User is not part of the group'])
      expect(SnagDisconnectBadRequest.safeParse({ message }).success).toBe(true)
  })
})

describe('Snag metadatas schemas', () => {
  const documented = {
    userId: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
    walletAddress: '<string>',
    isBlocked: true,
    epicAccountIdentifier: '<string>',
    discordUser: '<string>',
    discordUserId: '<string>',
    twitterUser: '<string>',
    twitterUserFollowersCount: 123,
    twitterUserId: '<string>',
    emailAddress: 'user@example.com',
    walletGroupIdentifier: '<string>',
    userGroupId: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
    telegramUserId: '<string>',
    telegramUsername: '<string>',
    steamUserId: '<string>',
    steamUsername: '<string>',
    googleUserId: '<string>',
    googleUser: '<string>',
    YTChannelId: '<string>',
    displayName: '<string>',
    location: '<string>',
    bio: '<string>',
    portfolioUrl: '<string>',
    externalLoyaltyScore: '<string>',
    blockStatusReason: 'sybil_and_multi_account',
    isBlockExempt: true,
    internalNotes: '<string>',
    logoUrl: '<string>',
    userGroupExternalIdentifier: '<string>',
    externalIdentifier: '<string>',
    websiteId: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
    organizationId: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
    tiktokUser: '<string>',
    tiktokUserId: '<string>',
    sybilScore: 50.5,
    githubUser: '<string>',
    githubUserId: '<string>',
    phoneNumber: '+14155552671',
  }

  it('accepts the documented request, and null for every nullable field', () => {
    expect(SnagMetadataRequest.safeParse(documented).success).toBe(true)
    expect(SnagMetadataRequest.safeParse({ displayName: null, sybilScore: null, blockStatusReason: null }).success).toBe(true)
  })

  it.each([
    ['sybilScore below 1', { sybilScore: 0.5 }],
    ['sybilScore above 100', { sybilScore: 100.5 }],
    ['a phone number outside E.164', { phoneNumber: '+0123' }],
    ['a phone number too long', { phoneNumber: '+1234567890123456' }],
    ['an unknown blockStatusReason', { blockStatusReason: 'spam' }],
    ['location over 255', { location: 'l'.repeat(256) }],
    ['bio over 255', { bio: 'b'.repeat(256) }],
    ['portfolioUrl over 255', { portfolioUrl: 'p'.repeat(256) }],
    ['externalIdentifier over 255', { externalIdentifier: 'e'.repeat(256) }],
    ['steamUserId over 128', { steamUserId: 's'.repeat(129) }],
    ['steamUsername over 128', { steamUsername: 's'.repeat(129) }],
    ['googleUserId over 128', { googleUserId: 'g'.repeat(129) }],
    ['an email address that is not one', { emailAddress: 'nope' }],
  ])('refuses %s', (_, bad) => {
    expect(SnagMetadataRequest.safeParse({ ...documented, ...bad }).success).toBe(false)
  })

  it('accepts the documented answer', () => {
    expect(
      SnagMetadataResponse.safeParse({
        id: '123e4567-e89b-12d3-a456-426614174000',
        websiteId: '123e4567-e89b-12d3-a456-426614174001',
        organizationId: '123e4567-e89b-12d3-a456-426614174002',
        walletGroupIdentifier: 'wallet-group-id',
        userGroupId: 'user-group-id',
        userGroup: { id: '123e4567-e89b-12d3-a456-426614174002', externalIdentifier: 'user-group-external-id' },
        user: { id: '123e4567-e89b-12d3-a456-426614174002', walletAddress: '0x1234567890abcdef1234567890abcdef12345678' },
        createdAt: '2023-10-01T12:34:56Z',
      }).success,
    ).toBe(true)
  })
})

describe('Velt add-users schemas', () => {
  it('accepts the documented request, success and failure', () => {
    expect(
      VeltAddUsersRequest.safeParse({
        data: { organizationId: 'yourOrganizationId', organizationUserGroupId: 'yourGroupId', userIds: ['yourUserId1'] },
      }).success,
    ).toBe(true)
    expect(VeltAddUsersRequest.safeParse({ data: { organizationId: 'o', userIds: ['u'] } }).success).toBe(false)
    expect(
      VeltAddUsersResponse.safeParse({
        result: {
          status: 'success',
          message: 'Added organization users to group successfully.',
          data: {
            yourUserId1: { success: true, organizationUserGroupId: 'yourGroupId', message: 'User added to organization user group.' },
          },
        },
      }).success,
    ).toBe(true)
    expect(VeltErrorResponse.safeParse({ error: { message: 'ERROR_MESSAGE', status: 'INVALID_ARGUMENT' } }).success).toBe(true)
  })
})
