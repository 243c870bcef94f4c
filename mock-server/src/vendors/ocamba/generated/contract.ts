// Generated from contracts/ocamba/openapi.yaml by `npm run contracts:types`. Do not edit.

export interface paths {
    "/v1/hood/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Partners */
        get: operations["listPartners"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/hood/partners/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Partner id, a numeric string.
                 * @example 1000418
                 */
                id: components["parameters"]["partnerId"];
            };
            cookie?: never;
        };
        /** View Partner */
        get: operations["getPartner"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/hood/partners/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Partner id, a numeric string.
                 * @example 1000418
                 */
                id: components["parameters"]["partnerId"];
            };
            cookie?: never;
        };
        /** List Partner contacts (suggested shape, as core v2 lists) */
        get: operations["listPartnerContacts"];
        put?: never;
        /** Create Partner contact */
        post: operations["createPartnerContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/hood/partners/{id}/contacts/{contact_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Partner id, a numeric string.
                 * @example 1000418
                 */
                id: components["parameters"]["partnerId"];
                /**
                 * @description The partner contact's id (a UUID).
                 * @example b9193e28-9146-44ef-bf95-baa9c02c81d2
                 */
                contact_id: string;
            };
            cookie?: never;
        };
        /** View Partner contact (suggested shape, a list envelope with one item) */
        get: operations["getPartnerContact"];
        put?: never;
        post?: never;
        /** Delete Partner contact (suggested, as core v2 deletes) */
        delete: operations["deletePartnerContact"];
        options?: never;
        head?: never;
        /**
         * Update Partner contact
         * @description Updates the specific Partner contact by setting the values of the parameters passed.
         *     Any parameters not provided are left unchanged; at least one updatable field must be sent.
         */
        patch: operations["updatePartnerContact"];
        trace?: never;
    };
    "/v2/ocamba/personal-api-keys/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Validate the bearer API key
         * @description 204 when the key in the Authorization header is valid now (its optional start/end window included), 401 otherwise.
         */
        post: operations["validatePersonalApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @enum {unknown} */
        ContactType: "phone" | "mobile" | "skype" | "sip" | "email" | "website";
        ContactValue: string;
        /** @description The value must suit the type (a valid email for email, digits for phones, ...). */
        ValueSuitsType: unknown & unknown & unknown & unknown & unknown;
        /**
         * @example {
         *       "id": "b9193e28-9146-44ef-bf95-baa9c02c81d2",
         *       "type": "email",
         *       "value": "partners@test-partner.example"
         *     }
         */
        Contact: {
            /** Format: uuid */
            id: string;
            type: components["schemas"]["ContactType"];
            value: components["schemas"]["ContactValue"];
        } & components["schemas"]["ValueSuitsType"];
        ContactCreate: {
            type: components["schemas"]["ContactType"];
            value: components["schemas"]["ContactValue"];
        } & components["schemas"]["ValueSuitsType"];
        /** @description At least one of the updatable fields; unknown properties are ignored. */
        ContactUpdate: ({
            type?: components["schemas"]["ContactType"];
            value?: components["schemas"]["ContactValue"];
        } & components["schemas"]["ValueSuitsType"]) | unknown | unknown;
        ContactList: {
            total: number;
            items: components["schemas"]["Contact"][];
        };
        /**
         * @description GMT, `YYYY-MM-DD HH:MM:SS`.
         * @example 2024-09-24 13:28:19
         */
        Timestamp: string;
        Manager: {
            id: string;
            name: string;
            /** Format: email */
            email: string;
            /** @enum {unknown} */
            status: "active" | "inactive";
        };
        Partner: {
            id: string;
            company_id: string;
            manager_ids: string[];
            managers: components["schemas"]["Manager"][];
            name: string;
            description?: string;
            type: ("advertiser" | "publisher")[];
            /** @enum {unknown} */
            status: "active" | "inactive" | "pending" | "suspended" | "terminated";
            payment_terms?: {
                /** @enum {unknown} */
                payment_frequency: "monthly" | "quarterly" | "annually";
                /** @enum {unknown} */
                payment_method: "bank-transfer" | "card" | "paypal";
                /** @enum {unknown} */
                net_terms: "net30" | "net45" | "net60" | "net90";
                /** @enum {unknown} */
                currency_code: "usd" | "eur";
            };
            billing_address?: {
                street: string;
                city: string;
                postal_code: string;
                /** @description ISO 3166-1 alpha-2; the vendor samples use both cases. */
                country: string;
            };
            contact?: {
                /** Format: email */
                email?: string;
                mobile?: string;
                phone?: string;
                sip?: string;
                skype?: string;
                /** Format: uri */
                website?: string;
            };
            /** @enum {unknown} */
            system: 0 | 1;
            /** @enum {unknown} */
            archived?: 0 | 1;
            create_time: components["schemas"]["Timestamp"];
            update_time: components["schemas"]["Timestamp"];
        };
        PartnerList: {
            total: number;
            items: components["schemas"]["PartnerFields"][];
        };
        /** @description A partner as a read answers it; with `fields`, only the fields asked for, so none is required. */
        PartnerFields: {
            id?: string;
            company_id?: string;
            manager_ids?: string[];
            managers?: components["schemas"]["Manager"][];
            name?: string;
            description?: string;
            type?: ("advertiser" | "publisher")[];
            /** @enum {unknown} */
            status?: "active" | "inactive" | "pending" | "suspended" | "terminated";
            payment_terms?: {
                /** @enum {unknown} */
                payment_frequency: "monthly" | "quarterly" | "annually";
                /** @enum {unknown} */
                payment_method: "bank-transfer" | "card" | "paypal";
                /** @enum {unknown} */
                net_terms: "net30" | "net45" | "net60" | "net90";
                /** @enum {unknown} */
                currency_code: "usd" | "eur";
            };
            billing_address?: {
                street: string;
                city: string;
                postal_code: string;
                /** @description ISO 3166-1 alpha-2; the vendor samples use both cases. */
                country: string;
            };
            contact?: {
                /** Format: email */
                email?: string;
                mobile?: string;
                phone?: string;
                sip?: string;
                skype?: string;
                /** Format: uri */
                website?: string;
            };
            /** @enum {unknown} */
            system?: 0 | 1;
            /** @enum {unknown} */
            archived?: 0 | 1;
            create_time?: components["schemas"]["Timestamp"];
            update_time?: components["schemas"]["Timestamp"];
        };
        /** @description An API key as the sandbox's fixtures hold it (the secret is what goes after "Bearer"). */
        PersonalApiKey: {
            name: string;
            secret: string;
            company_id: string;
            start_time?: components["schemas"]["Timestamp"] | null;
            end_time?: components["schemas"]["Timestamp"] | null;
        };
        Error: {
            code: number;
            title: string;
            message?: string;
            /** Format: uuid */
            trace_id: string;
        };
        ErrorWithMessage: components["schemas"]["Error"] & unknown;
    };
    responses: {
        /** @description Bad Request */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorWithMessage"] & {
                    /** @constant */
                    code?: 400;
                    /** @constant */
                    title?: "Bad request.";
                    /** @constant */
                    message?: "The request body is not valid.";
                };
            };
        };
        /** @description Unauthorized (from the personal-API-key validate page) */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorWithMessage"] & {
                    /** @constant */
                    code?: 401;
                    /** @constant */
                    title?: "Unauthorized.";
                    /** @constant */
                    message?: "Unauthorized.";
                };
            };
        };
        /** @description The key may not do this (suggested; never produced by the default fixtures, forceable by scenario) */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorWithMessage"] & {
                    /** @constant */
                    code?: 403;
                    /** @constant */
                    title?: "Forbidden.";
                };
            };
        };
        /** @description A method the path does not support (suggested); carries Allow */
        MethodNotAllowed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorWithMessage"] & {
                    /** @constant */
                    code?: 405;
                    /** @constant */
                    title?: "Method not allowed.";
                };
            };
        };
        /** @description Unknown partner or contact (suggested) */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorWithMessage"] & {
                    /** @constant */
                    code?: 404;
                    /** @constant */
                    title?: "Not found.";
                    /** @constant */
                    message?: "The requested resource was not found.";
                };
            };
        };
        /** @description Body over the size limit (suggested) */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorWithMessage"] & {
                    /** @constant */
                    code?: 413;
                    /** @constant */
                    title?: "Request entity too large.";
                };
            };
        };
        /** @description A body with a content type other than JSON (suggested) */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorWithMessage"] & {
                    /** @constant */
                    code?: 415;
                    /** @constant */
                    title?: "Unsupported media type.";
                };
            };
        };
        /** @description Rate limit reached; no X-RateLimit-* headers */
        TooManyRequests: {
            headers: {
                /** @description Seconds to wait; -1 when the parallel-request cap was hit. */
                "Retry-After": string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorWithMessage"] & {
                    /** @constant */
                    code?: 429;
                    /** @constant */
                    title?: "Too many requests.";
                };
            };
        };
        /** @description Internal Server Error (the seed's body has no message) */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"] & {
                    /** @constant */
                    code?: 500;
                    /** @constant */
                    title?: "Internal server error.";
                };
            };
        };
    };
    parameters: {
        /**
         * @description Partner id, a numeric string.
         * @example 1000418
         */
        partnerId: string;
        /** @description Comma-separated fields to return; takes precedence over view. */
        fields: string;
        view: "full" | "default";
    };
    requestBodies: never;
    headers: {
        /** @description Requests permitted in the current window (the window nearest to exhaustion). */
        "X-RateLimit-Limit": string;
        /** @description Requests still allowed in that window. */
        "X-RateLimit-Remaining": string;
        /** @description Seconds until that window resets. */
        "X-RateLimit-Reset": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listPartners: {
        parameters: {
            query?: {
                /** @description Comma-separated fields to return; takes precedence over view. */
                fields?: components["parameters"]["fields"];
                view?: components["parameters"]["view"];
                /** @description Comma-separated fields, `-` prefix for descending. Sortable fields are name, create_time and update_time (and id). */
                sort?: string;
                /** @description `N,M`: page N (from 1) with M items per page (default 20). */
                page?: string;
                /** @description Search text; the searchable field is name. */
                q?: string;
                q_fields?: string;
                /** @description Filter by status (comma-separated values). */
                status?: string;
                /** @description Filter by type (comma-separated values). */
                type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getPartner: {
        parameters: {
            query?: {
                /** @description Comma-separated fields to return; takes precedence over view. */
                fields?: components["parameters"]["fields"];
                view?: components["parameters"]["view"];
            };
            header?: never;
            path: {
                /**
                 * @description Partner id, a numeric string.
                 * @example 1000418
                 */
                id: components["parameters"]["partnerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK (a list envelope with the one partner) */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listPartnerContacts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Partner id, a numeric string.
                 * @example 1000418
                 */
                id: components["parameters"]["partnerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createPartnerContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Partner id, a numeric string.
                 * @example 1000418
                 */
                id: components["parameters"]["partnerId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getPartnerContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Partner id, a numeric string.
                 * @example 1000418
                 */
                id: components["parameters"]["partnerId"];
                /**
                 * @description The partner contact's id (a UUID).
                 * @example b9193e28-9146-44ef-bf95-baa9c02c81d2
                 */
                contact_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    deletePartnerContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Partner id, a numeric string.
                 * @example 1000418
                 */
                id: components["parameters"]["partnerId"];
                /**
                 * @description The partner contact's id (a UUID).
                 * @example b9193e28-9146-44ef-bf95-baa9c02c81d2
                 */
                contact_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updatePartnerContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Partner id, a numeric string.
                 * @example 1000418
                 */
                id: components["parameters"]["partnerId"];
                /**
                 * @description The partner contact's id (a UUID).
                 * @example b9193e28-9146-44ef-bf95-baa9c02c81d2
                 */
                contact_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactUpdate"];
            };
        };
        responses: {
            /** @description No Content (an empty body) */
            204: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    validatePersonalApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key is valid */
            204: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
}
