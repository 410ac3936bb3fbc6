// Frozen example of the lead database at version 4 (syncOutbox gains the by-target-status index; records unchanged). Never edit: add v00N.ts instead.
import type { DbExample } from './types';

// Generated from v003 as the v4 step leaves it: v003's records plus its extra lead; the index is built from the existing entries.
const example: DbExample = {
  version: 4,
  layout: {
    leads: {
      keyPath: "id",
      autoIncrement: false,
      indexes: {
        "by-email": [
          "emailKeys",
          true,
          false
        ],
        "by-profile": [
          "profileKeys",
          true,
          false
        ],
        "by-tag": [
          "tags",
          true,
          false
        ],
        "by-updated": [
          "updatedAt",
          false,
          false
        ],
        "by-email-domain": [
          "emailDomains",
          true,
          false
        ]
      }
    },
    syncOutbox: {
      keyPath: [
        "leadId",
        "target"
      ],
      autoIncrement: false,
      indexes: {
        "by-due": [
          "dueAt",
          false,
          false
        ],
        "by-lead": [
          "leadId",
          false,
          false
        ],
        "by-target-status": [
          [
            "target",
            "status"
          ],
          false,
          false
        ]
      }
    },
    syncTargets: {
      keyPath: "id",
      autoIncrement: false,
      indexes: {}
    },
    syncSecrets: {
      keyPath: "target",
      autoIncrement: false,
      indexes: {}
    },
    syncLog: {
      keyPath: "id",
      autoIncrement: true,
      indexes: {
        "by-time": [
          "at",
          false,
          false
        ]
      }
    }
  },
  records: {
    leads: [
      {
        id: "0b6f8a0e-3c1d-4a57-9a43-5f2d7c1e9b01",
        name: "Dr. Ada Lovelace",
        firstName: "Ada",
        lastName: "Lovelace",
        title: "Head of Analytical Engines",
        company: "Babbage & Co.",
        emails: [
          "ada@babbage.example",
          "a.lovelace@engines.example"
        ],
        phones: [
          "+442079460000"
        ],
        profiles: {
          linkedin: "https://www.linkedin.com/in/ada-lovelace",
          x: "https://x.com/ada",
          github: "https://github.com/ada",
          other: [
            "https://mastodon.example/@ada"
          ]
        },
        website: "https://babbage.example/",
        location: "London, UK",
        sourceUrl: "https://babbage.example/team/ada?ref=nav#bio",
        provenance: {
          name: "json-ld",
          firstName: "json-ld",
          lastName: "json-ld",
          title: "json-ld",
          company: "json-ld",
          "emails:ada@babbage.example": "mailto",
          "emails:a.lovelace@engines.example": "text",
          "phones:+442079460000": "tel",
          "profiles.linkedin": "link",
          "profiles.x": "link",
          "profiles.github": "link",
          website: "json-ld",
          location: "microdata"
        },
        tags: [
          "conference-2026",
          "VIP",
          "London"
        ],
        note: "Met at the booth.\nAsked for a demo in \"Q3\"; send deck, then call.",
        capturedAt: "2026-03-14T09:26:53.000Z",
        updatedAt: "2026-04-01T16:00:00.000Z",
        emailKeys: [
          "ada@babbage.example",
          "a.lovelace@engines.example"
        ],
        profileKeys: [
          "linkedin.com/in/ada-lovelace",
          "x.com/ada",
          "github.com/ada",
          "mastodon.example/@ada"
        ],
        emailDomains: [
          "babbage.example",
          "engines.example"
        ]
      },
      {
        id: "7d1c2b9e-52a4-4c0f-8d7e-2f4b1a6c3e22",
        name: "José Ñúñez-Østergård",
        firstName: "José",
        lastName: "Ñúñez-Østergård",
        title: "",
        company: "Café Zürich GmbH",
        emails: [
          "jose@cafe-zurich.example"
        ],
        phones: [],
        profiles: {
          linkedin: "",
          x: "",
          github: "",
          other: []
        },
        website: "",
        location: "Zürich",
        sourceUrl: "https://cafe-zurich.example/über-uns",
        provenance: {
          name: "h-card",
          firstName: "h-card",
          lastName: "h-card",
          company: "user",
          "emails:jose@cafe-zurich.example": "cloudflare",
          location: "meta"
        },
        tags: [
          "café"
        ],
        note: "",
        capturedAt: "2026-02-02T08:00:00.000Z",
        updatedAt: "2026-02-02T08:00:00.000Z",
        emailKeys: [
          "jose@cafe-zurich.example"
        ],
        profileKeys: [],
        emailDomains: [
          "cafe-zurich.example"
        ]
      },
      {
        id: "c3a1e4f0-9b2d-4e6a-8c5f-1d7b3a9e0f44",
        name: "",
        firstName: "",
        lastName: "",
        title: "Buyer",
        company: "Unknown Corp",
        emails: [],
        phones: [
          "+14155550100",
          "555-0199 ext. 4"
        ],
        profiles: {
          linkedin: "",
          x: "",
          github: "",
          other: []
        },
        website: "",
        location: "",
        sourceUrl: "",
        provenance: {
          title: "user",
          company: "user",
          "phones:+14155550100": "user",
          "phones:555-0199 ext. 4": "user"
        },
        tags: [],
        note: "Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor. Called from the trade show floor.",
        capturedAt: "2026-01-05T12:00:00.000Z",
        updatedAt: "2026-01-06T12:00:00.000Z",
        emailKeys: [],
        profileKeys: [],
        emailDomains: []
      },
      {
        id: "e5f0a1b2-7c3d-4e8f-9a0b-1c2d3e4f5a66",
        name: "Marie-Claire Dubois",
        firstName: "Marie-Claire",
        lastName: "Dubois",
        title: "Directrice commerciale",
        company: "Atelier Lumière SARL",
        emails: [
          "marie-claire.dubois@atelier-lumiere.example"
        ],
        phones: [
          "+33142000000"
        ],
        profiles: {
          linkedin: "https://www.linkedin.com/in/mc-dubois",
          x: "",
          github: "",
          other: []
        },
        website: "https://atelier-lumiere.example/",
        location: "Paris",
        sourceUrl: "https://atelier-lumiere.example/equipe",
        provenance: {
          name: "h-card",
          "emails:marie-claire.dubois@atelier-lumiere.example": "mailto",
          "phones:+33142000000": "tel"
        },
        confidence: {
          name: "high",
          "emails:marie-claire.dubois@atelier-lumiere.example": "high"
        },
        tags: [
          "paris"
        ],
        note: "",
        capturedAt: "2026-11-20T10:00:00.000Z",
        updatedAt: "2026-11-21T10:00:00.000Z",
        rev: 2,
        history: [],
        emailKeys: [
          "marie-claire.dubois@atelier-lumiere.example"
        ],
        profileKeys: [
          "linkedin.com/in/mc-dubois"
        ],
        emailDomains: [
          "atelier-lumiere.example"
        ]
      },
      {
        id: "imported-42",
        name: "Grace Hopper",
        firstName: "Grace",
        lastName: "Hopper",
        title: "Rear Admiral",
        company: "US Navy",
        emails: [
          "grace@navy.example",
          "info@navy.example"
        ],
        phones: [],
        profiles: {
          linkedin: "",
          x: "",
          github: "https://github.com/grace",
          other: []
        },
        website: "http://navy.example/",
        location: "",
        sourceUrl: "file:///home/me/saved/grace.html",
        provenance: {
          name: "import",
          "profiles.github": "import"
        },
        tags: [
          "imported",
          "conference-2026"
        ],
        note: "From the old CRM",
        capturedAt: "2025-12-31T23:59:59.000Z",
        updatedAt: "2026-01-01T00:00:00.000Z",
        emailKeys: [
          "grace@navy.example",
          "info@navy.example"
        ],
        profileKeys: [
          "github.com/grace"
        ],
        emailDomains: [
          "navy.example"
        ]
      }
    ],
    syncOutbox: [
      {
        leadId: "0b6f8a0e-3c1d-4a57-9a43-5f2d7c1e9b01",
        target: "hubspot",
        status: "synced",
        attempts: 0,
        lastError: "",
        idempotencyKey: "5b0c7d9e-8f1a-4b2c-9d3e-0f1a2b3c4d5e",
        leadVersion: "2026-04-01T16:00:00.000Z",
        recordId: "12345",
        recordUrl: "https://app.hubspot.com/contacts/4242/record/0-1/12345",
        syncedEmail: "ada@babbage.example",
        syncedAt: "2026-11-27T09:01:00.000Z"
      },
      {
        leadId: "lead-retrying",
        target: "hubspot",
        status: "retrying",
        attempts: 2,
        dueAt: 1764234000000,
        lastError: "rate limited: You have reached your ten_secondly_rolling limit.",
        idempotencyKey: "6c1d8e0f-9a2b-4c3d-8e4f-1a2b3c4d5e6f",
        leadVersion: "2026-04-02T10:00:00.000Z"
      }
    ],
    syncTargets: [
      {
        id: "hubspot",
        autoSync: true,
        paused: "",
        account: "HubSpot account 4242",
        baseUrl: "https://api.hubapi.com",
        url: "",
        recordUrlBase: "https://app.hubspot.com/contacts/4242/record/0-1/",
        companies: true,
        connectedAt: "2026-11-27T09:00:00.000Z"
      }
    ],
    syncSecrets: [
      {
        target: "hubspot",
        token: "pat-na1-00000000-0000-0000-0000-000000000000"
      }
    ],
    syncLog: [
      {
        id: 1,
        at: "2026-11-27T09:00:00.000Z",
        target: "hubspot",
        leadId: "",
        kind: "connected",
        message: "HubSpot account 4242"
      },
      {
        id: 2,
        at: "2026-11-27T09:01:00.000Z",
        target: "hubspot",
        leadId: "0b6f8a0e-3c1d-4a57-9a43-5f2d7c1e9b01",
        kind: "synced",
        message: "record 12345"
      }
    ]
  },
  extraRecords: {
    syncOutbox: [
      {
        leadId: "e5f0a1b2-7c3d-4e8f-9a0b-1c2d3e4f5a66",
        target: "salesforce",
        status: "failed",
        attempts: 0,
        lastError: "400: REQUIRED_FIELD_MISSING: Required fields are missing: [Company]",
        idempotencyKey: "7d2e9f10-ab3c-4d4e-9f50-2b3c4d5e6f70",
        leadVersion: "2026-11-21T10:00:00.000Z"
      },
      {
        leadId: "7d1c2b9e-52a4-4c0f-8d7e-2f4b1a6c3e22",
        target: "salesforce",
        status: "synced",
        attempts: 0,
        lastError: "",
        idempotencyKey: "8e3f0a21-bc4d-4e5f-a061-3c4d5e6f7081",
        leadVersion: "2026-02-02T08:00:00.000Z",
        recordId: "00Q5e00000AbCdEEAZ",
        recordUrl: "https://acme.my.salesforce.com/lightning/r/Lead/00Q5e00000AbCdEEAZ/view",
        syncedEmail: "jose@cafe-zurich.example",
        syncedAt: "2026-11-27T09:30:00.000Z"
      }
    ],
    syncTargets: [
      {
        id: "salesforce",
        autoSync: true,
        paused: "",
        account: "Salesforce org \"Acme\" (acme.my.salesforce.com)",
        baseUrl: "https://acme.my.salesforce.com",
        url: "",
        recordUrlBase: "",
        companies: true,
        mode: "api",
        loginUrl: "https://login.salesforce.com",
        clientId: "3MVG9consumer.key.example",
        connectedAt: "2026-11-27T09:20:00.000Z"
      }
    ]
  }
};

export default example;
